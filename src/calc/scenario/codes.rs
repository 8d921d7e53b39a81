//! The codes a goal carries: its Care Act outcome and its status, with their plain words.

/// The Care Act 2014 eligibility outcomes, plus `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutcomeArea {
    Nutrition,
    PersonalHygiene,
    ToiletNeeds,
    Clothing,
    HomeSafety,
    HabitableHome,
    Relationships,
    WorkEducationVolunteering,
    CommunityServices,
    CaringForChild,
    Other,
}

impl OutcomeArea {
    pub const ALL: [OutcomeArea; 11] = [
        OutcomeArea::Nutrition,
        OutcomeArea::PersonalHygiene,
        OutcomeArea::ToiletNeeds,
        OutcomeArea::Clothing,
        OutcomeArea::HomeSafety,
        OutcomeArea::HabitableHome,
        OutcomeArea::Relationships,
        OutcomeArea::WorkEducationVolunteering,
        OutcomeArea::CommunityServices,
        OutcomeArea::CaringForChild,
        OutcomeArea::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutcomeArea::Nutrition => "nutrition",
            OutcomeArea::PersonalHygiene => "personal_hygiene",
            OutcomeArea::ToiletNeeds => "toilet_needs",
            OutcomeArea::Clothing => "clothing",
            OutcomeArea::HomeSafety => "home_safety",
            OutcomeArea::HabitableHome => "habitable_home",
            OutcomeArea::Relationships => "relationships",
            OutcomeArea::WorkEducationVolunteering => "work_education_volunteering",
            OutcomeArea::CommunityServices => "community_services",
            OutcomeArea::CaringForChild => "caring_for_child",
            OutcomeArea::Other => "other",
        }
    }

    /// The outcome in plain words, as the Care Act eligibility regulations put it.
    pub fn plain_words(self) -> &'static str {
        match self {
            OutcomeArea::Nutrition => "Managing and maintaining nutrition",
            OutcomeArea::PersonalHygiene => "Maintaining personal hygiene",
            OutcomeArea::ToiletNeeds => "Managing toilet needs",
            OutcomeArea::Clothing => "Being appropriately clothed",
            OutcomeArea::HomeSafety => "Being able to make use of the home safely",
            OutcomeArea::HabitableHome => "Maintaining a habitable home environment",
            OutcomeArea::Relationships => "Developing and maintaining family or other personal relationships",
            OutcomeArea::WorkEducationVolunteering => {
                "Accessing and engaging in work, training, education or volunteering"
            }
            OutcomeArea::CommunityServices => "Making use of necessary facilities or services in the local community",
            OutcomeArea::CaringForChild => "Carrying out any caring responsibilities for a child",
            OutcomeArea::Other => "Something else",
        }
    }

    pub fn from_code(code: &str) -> Option<OutcomeArea> {
        OutcomeArea::ALL.into_iter().find(|o| o.code() == code)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GoalStatus {
    NotStarted,
    InProgress,
    Achieved,
    NotAchieved,
}

impl GoalStatus {
    pub const ALL: [GoalStatus; 4] =
        [GoalStatus::NotStarted, GoalStatus::InProgress, GoalStatus::Achieved, GoalStatus::NotAchieved];

    pub fn code(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "not_started",
            GoalStatus::InProgress => "in_progress",
            GoalStatus::Achieved => "achieved",
            GoalStatus::NotAchieved => "not_achieved",
        }
    }

    pub fn plain_words(self) -> &'static str {
        match self {
            GoalStatus::NotStarted => "Not started",
            GoalStatus::InProgress => "In progress",
            GoalStatus::Achieved => "Achieved",
            GoalStatus::NotAchieved => "Not achieved",
        }
    }

    pub fn from_code(code: &str) -> Option<GoalStatus> {
        GoalStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

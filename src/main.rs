fn main() {
    reablement_calculator::start();
}

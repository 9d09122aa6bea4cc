// A replay is always as of a day: replay_options has no default day.
#include "echeance/engine.hpp"

using namespace echeance;

int main() {
    replay_options o; // must not compile
    return int(o.explain);
}

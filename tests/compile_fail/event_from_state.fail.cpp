// A state id is not an event id.
#include "echeance/ruleset.hpp"

using namespace echeance;

int main() {
    ruleset rules;
    state_id s = rules.find_state("open");
    event_id e = s; // must not compile
    return int(e.index());
}

// The states cannot be indexed by an event id.
#include "echeance/ruleset.hpp"

using namespace echeance;

int main() {
    ruleset rules;
    event_id e = rules.find_event("opposition");
    return int(rules.states[e].kind); // must not compile
}

// A history event's event cannot be given a role.
#include "echeance/history.hpp"

using namespace echeance;

int main() {
    ruleset rules;
    history_event e;
    e.event = rules.find_role("holder"); // must not compile
    return int(e.line);
}

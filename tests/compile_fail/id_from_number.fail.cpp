// An id is built from a number only explicitly (the loader does it), never by accident.
#include "echeance/ruleset.hpp"

using namespace echeance;

int main() {
    state_id s = 3; // must not compile
    return int(s.index());
}

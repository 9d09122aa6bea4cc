// What an effect is about (a window, timer, obligation or retention) must be asked for by kind.
#include "echeance/ruleset.hpp"

using namespace echeance;

int main() {
    ruleset rules;
    effect fx;
    return int(rules.windows[fx.target].readings.size()); // must not compile
}

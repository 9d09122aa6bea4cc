#include "echeance/io/lines.hpp"

namespace echeance::io {

bool split_two(std::string_view line, two_fields& out) {
    auto blank = [](char c) { return c == ' ' || c == '\t'; };
    std::string_view* fields[] = {&out.first, &out.second};
    std::size_t* columns[] = {&out.first_column, &out.second_column};
    std::size_t i = 0, count = 0;
    while (i < line.size()) {
        while (i < line.size() && blank(line[i])) ++i;
        if (i == line.size()) break;
        std::size_t start = i;
        while (i < line.size() && !blank(line[i])) ++i;
        if (count == 2) return false;
        *fields[count] = line.substr(start, i - start);
        *columns[count] = start + 1;
        ++count;
    }
    return count == 2;
}

} // namespace echeance::io

#include "echeance/error.hpp"

#include <utility>

namespace echeance {

std::string location::to_string() const {
    std::string out = file;
    if (line != 0) {
        out += (out.empty() ? "" : ":") + std::to_string(line);
        if (column != 0) out += ":" + std::to_string(column);
    }
    if (!field.empty()) out += (out.empty() ? "" : ": ") + field;
    return out;
}

static std::string compose(const std::string& id, const std::string& message,
                           const location& where) {
    std::string head = where.empty() ? std::string() : where.to_string() + ": ";
    return head + "error [" + id + "]: " + message;
}

error::error(std::string id, std::string message, location where)
    : std::runtime_error(compose(id, message, where)), id_(std::move(id)),
      message_(std::move(message)), where_(std::move(where)) {}

error error::placed(std::string file, std::size_t line, std::size_t token_column) const {
    location at = where_;
    at.file = std::move(file);
    at.line = line;
    at.column = token_column + (at.column == 0 ? 0 : at.column - 1);
    return error(id_, message_, std::move(at));
}

error error::with_field(std::string field) const {
    location at = where_;
    at.field = std::move(field);
    return error(id_, message_, std::move(at));
}

std::string format(const error& e) {
    return e.what();
}

std::string shorten(std::string_view s) {
    if (s.size() <= 80) return std::string(s);
    std::size_t n = 80;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return std::string(s.substr(0, n)) + "...";
}

} // namespace echeance

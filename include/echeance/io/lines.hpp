// Line-oriented input for files and batch mode: one result line per input line, in order.
#pragma once

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <echeance/error.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace echeance::io {

// Calls on_line(text, line_number) for each line of the stream ('\n' or "\r\n" ended; a last
// line without '\n' counts; a UTF-8 byte-order mark before the first line is skipped). Reads in
// large blocks: no per-line allocation. Throws "echeance.io.read" when the stream fails (a
// directory, an I/O error): an unreadable input is never taken as an empty one.
template <class F>
void for_each_line(std::FILE* in, F&& on_line, const std::string& name = "<stdin>") {
    std::vector<char> buf(1 << 20);
    std::string carry;
    std::size_t line_no = 0;
    bool first_block = true;
    for (;;) {
        std::size_t n = std::fread(buf.data(), 1, buf.size(), in);
        if (n == 0) break;
        std::string_view chunk(buf.data(), n);
        std::size_t pos = 0;
        if (first_block && chunk.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
        first_block = false;
        while (pos < chunk.size()) {
            std::size_t nl = chunk.find('\n', pos);
            if (nl == std::string_view::npos) {
                carry.append(chunk.substr(pos));
                break;
            }
            std::string_view line = chunk.substr(pos, nl - pos);
            if (!carry.empty()) {
                carry.append(line);
                line = carry;
            }
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            on_line(line, ++line_no);
            carry.clear();
            pos = nl + 1;
        }
    }
    if (std::ferror(in))
        throw error("echeance.io.read", "cannot read " + name + ": " + std::strerror(errno),
                    location{name, 0, 0, ""});
    if (!carry.empty()) {
        std::string_view line = carry;
        if (line.back() == '\r') line.remove_suffix(1);
        on_line(line, ++line_no);
    }
}

// Buffered stdout writer, flushed in large blocks.
class out_buffer {
public:
    static constexpr std::size_t block = std::size_t(1) << 16;
    explicit out_buffer(std::FILE* out) : out_(out) { buf_.reserve(block); }
    ~out_buffer() { flush(); }
    out_buffer(const out_buffer&) = delete;
    out_buffer& operator=(const out_buffer&) = delete;
    void write(std::string_view s) {
        if (s.size() >= block) { // a block or more (a sweep's chunk): written as it is, not copied
            flush();
            std::fwrite(s.data(), 1, s.size(), out_);
            return;
        }
        buf_.append(s);
        if (buf_.size() >= block) flush();
    }
    void flush() {
        if (!buf_.empty()) std::fwrite(buf_.data(), 1, buf_.size(), out_);
        buf_.clear();
    }

private:
    std::FILE* out_;
    std::string buf_;
};

// Splits "DATE PERIOD" on blanks; returns false when there are not exactly two fields.
struct two_fields {
    std::string_view first, second;
    std::size_t first_column = 1, second_column = 1;
};
bool split_two(std::string_view line, two_fields& out);

} // namespace echeance::io

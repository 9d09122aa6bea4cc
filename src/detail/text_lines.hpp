// The lines of a text in memory, found sixty-four bytes at a time: a mask of the newlines of each
// block (SSE2), walked bit by bit, instead of a memchr call a line (five million calls for five
// million lines of a sweep).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <algorithm>
#include <string>
#include <string_view>

namespace echeance::detail {

#if defined(__SSE2__)
// Bit k is set when p[k] is '\n', for the 64 bytes at p.
inline std::uint64_t newline_mask(const char* p) noexcept {
    const __m128i nl = _mm_set1_epi8('\n');
    std::uint64_t m = 0;
    for (int k = 0; k < 4; ++k) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
        m |= std::uint64_t(unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl)))) << (16 * k);
    }
    return m;
}
#endif

// f(line, number, offset, next offset) for each line of `text` ('\r' before its '\n' removed),
// numbered from `first_line`; a last line without '\n' counts. Stops when f returns false.
template <class F>
bool for_each_text_line(std::string_view text, std::size_t first_line, F&& f) {
    const char* b = text.data();
    const std::size_t n = text.size();
    std::size_t start = 0, no = first_line;
    auto emit = [&](std::size_t end, std::size_t next) {
        std::string_view line(b + start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        bool go = f(line, no++, start, next);
        start = next;
        return go;
    };
    std::size_t i = 0;
#if defined(__SSE2__)
    for (; i + 64 <= n; i += 64)
        for (std::uint64_t m = newline_mask(b + i); m != 0; m &= m - 1) {
            std::size_t end = i + std::size_t(__builtin_ctzll(m));
            if (!emit(end, end + 1)) return false;
        }
#endif
    while (start < n) { // the tail: no newline in [start, i)
        std::size_t from = start > i ? start : i;
        const void* nl = std::memchr(b + from, '\n', n - from);
        if (nl == nullptr) return emit(n, n);
        std::size_t end = std::size_t(static_cast<const char*>(nl) - b);
        if (!emit(end, end + 1)) return false;
    }
    return true;
}

// f(lines, offset) for bytes [from, to) of a file that `read(offset, buffer, n)` copies (it
// throws on failure), `block` bytes at a time into one buffer: `lines` is whole lines (the last
// of the range may lack its '\n') and `offset` the file's offset of its first byte; a line
// longer than a block grows the buffer. Stops when f returns false.
template <class Read, class F>
bool for_each_read_block(Read&& read, std::size_t from, std::size_t to, std::size_t block, F&& f) {
    // buf's first `have` bytes are in use: the buffer keeps its size from block to block, so
    // that only its growth is ever zero-filled (a resize per block zeroed the whole file once).
    std::string buf;
    std::size_t have = 0, base = from, next_read = from;
    while (next_read < to) {
        std::size_t n = std::min(block, to - next_read);
        if (buf.size() < have + n) buf.resize(have + n);
        read(next_read, &buf[have], n);
        have += n;
        next_read += n;
        bool last = next_read == to;
        std::size_t whole = have;
        if (!last) { // up to the last newline; the rest waits for the next block
            // In the bytes just read: the carried tail has no newline (a long line stays linear).
            std::size_t nl = std::string_view(buf.data() + (have - n), n).rfind('\n');
            if (nl == std::string_view::npos) continue;
            whole = have - n + nl + 1;
        }
        if (!f(std::string_view(buf.data(), whole), base)) return false;
        std::memmove(&buf[0], buf.data() + whole, have - whole);
        have -= whole;
        base += whole;
    }
    return true;
}

// for_each_text_line over the blocks of for_each_read_block: offsets are the file's.
template <class Read, class F>
bool for_each_read_line(Read&& read, std::size_t from, std::size_t to, std::size_t first_line,
                        std::size_t block, F&& f) {
    std::size_t no = first_line;
    return for_each_read_block(
        read, from, to, block, [&](std::string_view lines, std::size_t base) {
            return for_each_text_line(
                lines, no,
                [&](std::string_view line, std::size_t k, std::size_t at, std::size_t next) {
                    no = k + 1;
                    return f(line, k, base + at, base + next);
                });
        });
}

} // namespace echeance::detail

// A file's bytes in memory (POSIX mmap), for the sweep: the pages are read once by the kernel and
// chunks are views into them, not copies.
#pragma once

#include <cstddef>
#include <string_view>

namespace echeance::detail {

class mapped_file {
public:
    mapped_file() = default;
    ~mapped_file();
    mapped_file(const mapped_file&) = delete;
    mapped_file& operator=(const mapped_file&) = delete;

    // Maps the regular file open on `fd` (a duplicate of the descriptor is kept, for read()).
    // False when it is not a regular file or cannot be mapped; an empty file maps to an empty
    // text.
    bool map(int fd);
    // Copies n bytes at `offset` into `out` with pread, not through the mapping: a first pass
    // reads the page cache into a buffer that stays in the core's cache, and leaves the mapping
    // untouched for the second. False on a read error.
    bool read(std::size_t offset, char* out, std::size_t n) const noexcept;
    // Drops the pages before `offset` from this process (they stay in the page cache): what is
    // resident stays a window over the file, not the whole file.
    void release(std::size_t offset) noexcept;
    // For a second pass: pages are released again from the start.
    void rewind() noexcept { released_ = 0; }
    std::string_view text() const noexcept { return {static_cast<const char*>(data_), size_}; }

private:
    void* data_ = nullptr;
    std::size_t size_ = 0;
    std::size_t released_ = 0;
    int fd_ = -1;
};

} // namespace echeance::detail

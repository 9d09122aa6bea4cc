#include "detail/mapped_file.hpp"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace echeance::detail {

mapped_file::~mapped_file() {
    if (data_ != nullptr && size_ != 0) ::munmap(data_, size_);
    if (fd_ >= 0) ::close(fd_);
}

bool mapped_file::map(int fd) {
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return false;
    if (st.st_size == 0) return true;
    void* p = ::mmap(nullptr, std::size_t(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) return false;
    ::madvise(p, std::size_t(st.st_size), MADV_SEQUENTIAL); // read once, front to back
    data_ = p;
    size_ = std::size_t(st.st_size);
    fd_ = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    return true;
}

bool mapped_file::read(std::size_t offset, char* out, std::size_t n) const noexcept {
    if (fd_ < 0 || offset + n > size_) return false;
    while (n != 0) {
        ssize_t got = ::pread(fd_, out, n, off_t(offset));
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return false;
        out += got;
        offset += std::size_t(got);
        n -= std::size_t(got);
    }
    return true;
}

void mapped_file::release(std::size_t offset) noexcept {
    static const std::size_t page = std::size_t(::sysconf(_SC_PAGESIZE));
    std::size_t end = offset / page * page;
    if (data_ == nullptr || end <= released_ + (std::size_t(8) << 20)) return; // 8 MB at a time
    ::madvise(static_cast<char*>(data_) + released_, end - released_, MADV_DONTNEED);
    released_ = end;
}

} // namespace echeance::detail

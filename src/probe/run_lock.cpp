#include "probe/run_lock.hpp"

#include <pwd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstring>

namespace isoprobe::probe {

namespace {

// The user the packaged systemd service runs as (tools/systemd/isoprobe.sysusers).
constexpr const char* k_service_user = "isoprobe";

std::optional<uid_t> service_uid() {
    const passwd* pw = getpwnam(k_service_user);
    return pw ? std::optional(pw->pw_uid) : std::nullopt;
}

// A listening holder's credentials come with the connection, without it accepting anything. Nothing when it
// does not listen (another program, or an isoprobe from before the lock listened) or its queue is full.
std::optional<LockHolder> holder_of(const sockaddr_un& addr, socklen_t len) {
    const UniqueFd fd(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
    if (!fd) return std::nullopt;
    std::optional<LockHolder> holder;
    ucred cred{};
    socklen_t cred_len = sizeof cred;
    if (connect(fd.get(), reinterpret_cast<const sockaddr*>(&addr), len) == 0 &&
        getsockopt(fd.get(), SOL_SOCKET, SO_PEERCRED, &cred, &cred_len) == 0)
        holder = LockHolder{cred.pid, cred.uid};
    return holder;
}

} // namespace

bool may_run_past(uid_t self, const std::optional<LockHolder>& holder, const std::optional<uid_t>& service) {
    const auto privileged = [&](uid_t uid) { return uid == 0 || uid == service; };
    return privileged(self) && (!holder || !privileged(holder->uid));
}

std::string describe(const LockHolder& holder) {
    const passwd* pw = getpwuid(holder.uid);
    return "pid " + std::to_string(holder.pid) + (pw ? std::string(", user ") + pw->pw_name : std::string()) +
           ", uid " + std::to_string(holder.uid);
}

Expected<RunLock, std::string> RunLock::acquire(const std::string& interface) {
    const std::string name = "isoprobe/" + interface;
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (name.size() + 1 > sizeof addr.sun_path) return unexpected(interface + ": interface name too long");
    std::memcpy(addr.sun_path + 1, name.data(), name.size()); // sun_path[0] == 0: the abstract namespace
    UniqueFd fd(socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (!fd) return unexpected(interface + ": cannot take the run lock: " + std::strerror(errno));
    const auto len = static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size());
    if (bind(fd.get(), reinterpret_cast<const sockaddr*>(&addr), len) == 0 &&
        listen(fd.get(), SOMAXCONN) == 0)
        return RunLock(std::move(fd), {});
    const int err = errno;
    if (err != EADDRINUSE) return unexpected(interface + ": cannot take the run lock: " + std::strerror(err));
    const auto holder = holder_of(addr, len);
    const std::string who = holder ? describe(*holder) : "a process that does not say who it is";
    if (!may_run_past(geteuid(), holder, service_uid())) {
        if (holder)
            return unexpected(interface + ": another isoprobe run is using this interface (" + who + ")");
        return unexpected(interface + ": the run lock is held by " + who +
                          " (another program, or an older isoprobe)");
    }
    return RunLock(UniqueFd(), interface + ": the run lock is held by " + who +
                                   (holder ? ", neither root nor the isoprobe service user" : "") +
                                   ": running anyway");
}

} // namespace isoprobe::probe

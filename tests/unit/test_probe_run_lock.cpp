// The run lock: one live run per interface (and network namespace) at a time, and nobody but root and the
// service user can hold back root's and the service's runs.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstddef>
#include <cstring>
#include <functional>
#include <optional>
#include <string>

#include "probe/run_lock.hpp"

using isoprobe::probe::LockHolder;
using isoprobe::probe::may_run_past;
using isoprobe::probe::RunLock;

namespace {

// A name no real interface has, unique to this test process.
std::string test_interface(const char* what) {
    return std::string("lk-") + what + "-" + std::to_string(getpid());
}

// Runs `body` in a child switched to nobody (uid and gid 65534), which reports the string it returns and
// stays alive (holding whatever it took) until the test releases it.
class AsNobody {
  public:
    explicit AsNobody(const std::function<std::string()>& body) {
        int up[2], down[2];
        REQUIRE(pipe(up) == 0);
        REQUIRE(pipe(down) == 0);
        m_pid = fork();
        REQUIRE(m_pid >= 0);
        if (m_pid == 0) {
            close(up[0]);
            close(down[1]);
            std::string out = setgid(65534) == 0 && setuid(65534) == 0 ? body() : "cannot become nobody";
            out += '\n';
            if (write(up[1], out.data(), out.size()) < 0) _exit(1);
            char c;
            if (read(down[0], &c, 1) < 0) _exit(1); // until the test closes its end
            _exit(0);
        }
        close(up[1]);
        close(down[0]);
        m_from = up[0];
        m_to = down[1];
    }
    AsNobody(const AsNobody&) = delete;
    AsNobody& operator=(const AsNobody&) = delete;
    ~AsNobody() {
        close(m_to);
        close(m_from);
        waitpid(m_pid, nullptr, 0);
    }
    pid_t pid() const { return m_pid; }
    // The child's report, once it is ready.
    std::string report() {
        std::string line;
        char c;
        while (read(m_from, &c, 1) == 1 && c != '\n')
            line += c;
        return line;
    }

  private:
    pid_t m_pid = -1;
    int m_from = -1, m_to = -1;
};

std::string take_and_hold(const std::string& itf) {
    auto lock = RunLock::acquire(itf);
    if (!lock) return lock.error();
    new RunLock(std::move(lock.value())); // kept until the child exits
    return "held";
}

} // namespace

TEST_CASE("a second run on the same interface is refused until the first ends, naming the first") {
    const std::string itf = test_interface("same");
    std::optional<RunLock> first;
    {
        auto got = RunLock::acquire(itf);
        REQUIRE(got);
        CHECK(got->warning().empty());
        first.emplace(std::move(got.value()));
    }
    auto second = RunLock::acquire(itf);
    REQUIRE_FALSE(second);
    const std::string prefix =
        itf + ": another isoprobe run is using this interface (pid " + std::to_string(getpid()) + ", ";
    CHECK(second.error().starts_with(prefix));
    CHECK(second.error().ends_with(", uid " + std::to_string(geteuid()) + ")"));
    CHECK(RunLock::acquire(itf + "x")); // another interface is free
    first.reset();
    CHECK(RunLock::acquire(itf)); // freed with the first run
}

TEST_CASE("who may run past a held lock: root and the service user, past anyone but each other") {
    const uid_t root = 0, service = 998, alice = 1000, bob = 1001;
    const auto held_by = [](uid_t uid) { return std::optional<LockHolder>(LockHolder{4242, uid}); };
    const std::optional<uid_t> unknown_holder_service; // a system without the isoprobe user
    CHECK(may_run_past(root, held_by(alice), service));
    CHECK(may_run_past(service, held_by(alice), service));
    CHECK(may_run_past(root, std::nullopt, service)); // a holder that does not say who it is
    CHECK(may_run_past(root, held_by(service), unknown_holder_service)); // without the user, 998 is anybody
    CHECK_FALSE(may_run_past(root, held_by(root), service));
    CHECK_FALSE(may_run_past(root, held_by(service), service));
    CHECK_FALSE(may_run_past(service, held_by(root), service));
    CHECK_FALSE(may_run_past(service, held_by(service), service));
    CHECK_FALSE(may_run_past(alice, held_by(bob), service)); // users wait for anyone
    CHECK_FALSE(may_run_past(alice, held_by(alice), service));
    CHECK_FALSE(may_run_past(alice, std::nullopt, service));
}

TEST_CASE("a lock taken by another user does not hold back root, and is named" *
          doctest::skip(geteuid() != 0)) {
    const std::string itf = test_interface("nobody");
    AsNobody squatter([&] { return take_and_hold(itf); });
    REQUIRE(squatter.report() == "held");
    auto root_run = RunLock::acquire(itf);
    REQUIRE(root_run);
    CHECK(root_run->warning() ==
          itf + ": the run lock is held by pid " + std::to_string(squatter.pid()) +
              ", user nobody, uid 65534, neither root nor the isoprobe service user: running anyway");
}

TEST_CASE("root's lock holds back another user, who is told root holds it" * doctest::skip(geteuid() != 0)) {
    const std::string itf = test_interface("root");
    auto root_run = RunLock::acquire(itf);
    REQUIRE(root_run);
    AsNobody user([&] { return take_and_hold(itf); });
    CHECK(user.report() == itf + ": another isoprobe run is using this interface (pid " +
                               std::to_string(getpid()) + ", user root, uid 0)");
}

TEST_CASE("a holder that does not answer (another program) holds back users but not root" *
          doctest::skip(geteuid() != 0)) {
    const std::string itf = test_interface("mute");
    const std::string name = "isoprobe/" + itf;
    // Bound, not listening: nobody can connect to ask who it is.
    const int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd >= 0);
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    std::memcpy(addr.sun_path + 1, name.data(), name.size());
    REQUIRE(bind(fd, reinterpret_cast<const sockaddr*>(&addr),
                 static_cast<socklen_t>(offsetof(sockaddr_un, sun_path) + 1 + name.size())) == 0);
    {
        AsNobody user([&] { return take_and_hold(itf); });
        CHECK(user.report() == itf + ": the run lock is held by a process that does not say who it is "
                                     "(another program, or an older isoprobe)");
    }
    auto root_run = RunLock::acquire(itf);
    REQUIRE(root_run);
    CHECK(root_run->warning() ==
          itf + ": the run lock is held by a process that does not say who it is: running anyway");
    close(fd);
}

package cn.xiaoben.identity.throttle;

import cn.xiaoben.identity.accounts.Account;
import cn.xiaoben.identity.accounts.AccountStore;
import cn.xiaoben.identity.authserver.clients.ClientTenancy;
import cn.xiaoben.identity.common.Dates;
import cn.xiaoben.identity.common.RoleChecks;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The bureau's view of locked and slowed-down client ids, usernames and IPs, and lifting them (audited in the log).
 * A client or account of another district cannot be lifted (403 {@code out-of-scope}).
 */
@RestController
class LockoutController {

    private static final Logger log = LoggerFactory.getLogger(LockoutController.class);
    private static final Set<String> LIFTABLE = Set.of(AttemptKey.CLIENT, AttemptKey.LOGIN, AttemptKey.TOKEN_IP);

    private final AuthAttempts attempts;
    private final RegisteredClientRepository clients;
    private final AccountStore accounts;

    LockoutController(AuthAttempts attempts, RegisteredClientRepository clients, AccountStore accounts) {
        this.attempts = attempts;
        this.clients = clients;
        this.accounts = accounts;
    }

    record LockoutView(String kind, String name, int failures, Instant blockedUntil, Instant lockedUntil) {
    }

    @GetMapping("/api/directory/lockouts")
    List<LockoutView> list(Caller caller) {
        RoleChecks.requireAny(caller, Role.BUREAU_ADMIN);
        return attempts.current().stream()
                .filter(doc -> inDistrict(caller, doc.getString("kind"), doc.getString("name")))
                .map(LockoutController::view).toList();
    }

    /** Lifts a lock or backoff: {@code kind} is {@code client}, {@code login} (username) or {@code token-ip}. */
    @DeleteMapping("/api/directory/lockouts/{kind}/{name}")
    ResponseEntity<Void> lift(Caller caller, @PathVariable String kind, @PathVariable String name) {
        RoleChecks.requireAny(caller, Role.BUREAU_ADMIN);
        if (!LIFTABLE.contains(kind)) {
            throw ApiProblem.notFound("Lockout kind", "锁定类型", kind);
        }
        if (!inDistrict(caller, kind, name)) {
            throw ApiProblem.forbidden(kind + " " + name + " belongs to another district.",
                    kind + " " + name + " 属于其他区县。");
        }
        AttemptKey key = AttemptKey.LOGIN.equals(kind) ? AttemptKey.login(name) : new AttemptKey(kind, name);
        if (!attempts.lift(key)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Nothing is locked or slowed down for " + kind
                    + " " + name + ".", kind + " " + name + " 当前没有被锁定或限速。");
        }
        log.warn("AUDIT lockout {} lifted by {} (district {})", key.id(), caller.subject(), caller.districtId());
        return ResponseEntity.noContent().build();
    }

    /** Whether the client or account named belongs to the caller's district (unknown names and IPs: yes). */
    private boolean inDistrict(Caller caller, String kind, String name) {
        String district = switch (kind) {
            case AttemptKey.CLIENT -> {
                RegisteredClient client = clients.findByClientId(name);
                ClientTenancy tenancy = client == null ? null : ClientTenancy.of(client);
                yield tenancy == null ? null : tenancy.districtId();
            }
            case AttemptKey.LOGIN -> accounts.byUsername(name).map(Account::districtId).orElse(null);
            case AttemptKey.LOGIN_IP -> accounts.byUsername(name.substring(0, Math.max(0, name.lastIndexOf('|'))))
                    .map(Account::districtId).orElse(null);
            default -> null;
        };
        return district == null || Objects.equals(district, caller.districtId());
    }

    private static LockoutView view(Document doc) {
        return new LockoutView(doc.getString("kind"), doc.getString("name"), doc.getInteger("failures", 0),
                Dates.toInstant(doc.getDate("blockedUntil")), Dates.toInstant(doc.getDate("lockedUntil")));
    }
}

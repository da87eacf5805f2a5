package cn.xiaoben.identity.authserver.keys;

import cn.xiaoben.identity.common.RoleChecks;
import cn.xiaoben.service.tenancy.Caller;
import cn.xiaoben.service.tenancy.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The bureau's view of the signing keys and its on-demand rotation (e.g. after a suspected leak of the KEK). */
@RestController
class SigningKeyController {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyController.class);

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @GetMapping("/api/directory/signing-keys")
    List<SigningKeys.KeyInfo> list(Caller caller) {
        RoleChecks.requireAny(caller, Role.BUREAU_ADMIN);
        return keys.describe();
    }

    /** A new key now; it signs once {@code publish-ahead} has passed, and the one it replaces keeps verifying. */
    @PostMapping("/api/directory/signing-keys/rotation")
    SigningKeys.KeyInfo rotate(Caller caller) {
        RoleChecks.requireAny(caller, Role.BUREAU_ADMIN);
        SigningKeys.KeyInfo next = keys.rotate();
        log.info("AUDIT signing key rotated by {} (district {}): new key {} signs from {}", caller.subject(),
                caller.districtId(), next.kid(), next.signsFrom());
        return next;
    }
}

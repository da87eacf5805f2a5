package cn.xiaoben.identity.accounts;

import java.time.Instant;

/** An account as shown: never its password. */
public record AccountView(String id, String username, String displayName, String role, String districtId,
                          String townshipId, String schoolId, String teacherId, Instant createdAt) {

    static AccountView of(Account a) {
        return new AccountView(a.id(), a.username(), a.displayName(), a.role().name(), a.districtId(),
                a.townshipId(), a.schoolId(), a.teacherId(), a.createdAt());
    }
}

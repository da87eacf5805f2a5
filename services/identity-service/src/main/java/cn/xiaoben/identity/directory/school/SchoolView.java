package cn.xiaoben.identity.directory.school;

import java.time.Instant;

/** A school as listed; {@code clientId} is its system's OAuth client (never its secret). */
public record SchoolView(String id, String name, String townshipId, String districtId, String stage,
                         String clientId, Instant registeredAt) {

    static SchoolView of(SchoolRecord s) {
        return new SchoolView(s.id(), s.name(), s.townshipId(), s.districtId(), s.stage(), s.clientId(),
                s.registeredAt());
    }
}

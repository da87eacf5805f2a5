package cn.xiaoben.identity.directory.school;

import java.time.Instant;

/** The answer to a school's registration: the only time its system's client secret is ever shown. */
public record RegisteredSchoolView(String id, String name, String townshipId, String districtId, String stage,
                                   Instant registeredAt, ClientCredentials client) {

    public record ClientCredentials(String clientId, String clientSecret) {
    }
}

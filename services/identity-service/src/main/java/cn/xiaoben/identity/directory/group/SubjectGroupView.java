package cn.xiaoben.identity.directory.group;

import java.time.Instant;

public record SubjectGroupView(String id, String schoolId, String townshipId, String districtId, String name,
                               String subject, Instant registeredAt) {
}

package cn.xiaoben.identity.accounts;

import cn.xiaoben.service.tenancy.Role;

import java.time.Instant;

/** A person who signs in: a bureau, township or school administrator, an expert, a group lead or a teacher. */
public record Account(String id, String username, String passwordHash, String displayName, Role role,
                      String districtId, String townshipId, String schoolId, String teacherId, boolean enabled,
                      Instant createdAt) {
}

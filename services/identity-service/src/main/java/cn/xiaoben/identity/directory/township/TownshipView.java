package cn.xiaoben.identity.directory.township;

import java.time.Instant;

public record TownshipView(String id, String districtId, String name, Instant registeredAt) {
}

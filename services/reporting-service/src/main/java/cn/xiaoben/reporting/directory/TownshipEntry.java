package cn.xiaoben.reporting.directory;

/** A township as the directory replica knows it; {@code name} is null while its own event has not arrived. */
public record TownshipEntry(String townshipId, String name, String districtId) {
}

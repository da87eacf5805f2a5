package cn.xiaoben.service.tenancy;

/** How far a caller's data reaches. */
public enum TenantScope {
    DISTRICT, TOWNSHIP, SCHOOL
}

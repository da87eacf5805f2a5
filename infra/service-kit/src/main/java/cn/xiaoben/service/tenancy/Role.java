package cn.xiaoben.service.tenancy;

/** The roles a token can carry. School systems (client credentials) act as {@link #SCHOOL_SYSTEM}. */
public enum Role {
    BUREAU_ADMIN, TOWNSHIP_ADMIN, SCHOOL_ADMIN, GROUP_LEAD, TEACHER, EXPERT, SCHOOL_SYSTEM
}

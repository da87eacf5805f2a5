package cn.xiaoben.activity.session;

/** planned → open → held (closed), or planned/open → cancelled. */
public enum SessionStatus {
    PLANNED, OPEN, HELD, CANCELLED
}

package cn.xiaoben.activity.session;

import java.util.Arrays;
import java.util.Optional;

/** A teacher's attendance mark. ABSENT and EXCUSED always carry 0 attended minutes. */
public enum AttendanceMark {
    PRESENT, LATE, ABSENT, EXCUSED;

    boolean attended() {
        return this == PRESENT || this == LATE;
    }

    static Optional<AttendanceMark> parse(String text) {
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }
}

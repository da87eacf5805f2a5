package cn.xiaoben.reporting.facts;

/** Whether an event field that must name something is missing. */
final class Blank {

    private Blank() {
    }

    static boolean any(String... values) {
        for (String v : values) {
            if (v == null || v.isBlank()) {
                return true;
            }
        }
        return false;
    }
}

package cn.xiaoben.activity.session;

import cn.xiaoben.activity.level.ActivityLevel;
import cn.xiaoben.service.problem.ApiProblem;
import cn.xiaoben.service.problem.FieldProblem;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each session form needs besides form, topic, host and participants, checked before anything is looked up
 * (400 {@code invalid-request} with one field error per problem, nothing written):
 *
 * <ul>
 * <li>THEMED_RESEARCH (主题教研): {@code speakerId} (中心发言人, a teacher; may be the host).</li>
 * <li>COLLECTIVE_PREPARATION (集体备课): {@code mainPreparerId} (主备人) and {@code lessonContent}.</li>
 * <li>SAME_LESSON_DIFFERENT_DESIGNS (同课异构): {@code teachingTeacherIds} (≥ 2 different teachers) and
 * {@code lessonContent}.</li>
 * <li>OPEN_LESSON (公开课 / 示范课 / 观摩课 / 汇报课): {@code lessonKind}, {@code teachingTeacherIds} (exactly 1),
 * {@code lessonContent}.</li>
 * <li>LECTURE (专题讲座): exactly one of {@code speakerId} (a teacher) and {@code speakerName} (an outside expert).</li>
 * <li>SALON (专题沙龙): nothing beyond the topic.</li>
 * <li>READING_CLUB (读书交流会): {@code book} (title required).</li>
 * </ul>
 * Any of these fields on a form that does not use it is {@code not-for-form}. The host unit: GROUP needs
 * {@code subjectGroupId}; TOWNSHIP needs a level of at least TOWNSHIP, COUNTY at least COUNTY.
 */
final class SessionFormRules {

    enum Field { SPEAKER_ID, SPEAKER_NAME, MAIN_PREPARER, TEACHING, LESSON_KIND, LESSON_CONTENT, BOOK }

    private static final Map<SessionForm, Set<Field>> USED = Map.of(
            SessionForm.THEMED_RESEARCH, EnumSet.of(Field.SPEAKER_ID),
            SessionForm.COLLECTIVE_PREPARATION, EnumSet.of(Field.MAIN_PREPARER, Field.LESSON_CONTENT),
            SessionForm.SAME_LESSON_DIFFERENT_DESIGNS, EnumSet.of(Field.TEACHING, Field.LESSON_CONTENT),
            SessionForm.OPEN_LESSON, EnumSet.of(Field.LESSON_KIND, Field.TEACHING, Field.LESSON_CONTENT),
            SessionForm.LECTURE, EnumSet.of(Field.SPEAKER_ID, Field.SPEAKER_NAME),
            SessionForm.SALON, EnumSet.noneOf(Field.class),
            SessionForm.READING_CLUB, EnumSet.of(Field.BOOK));

    /** The forms a school's weekly slot may plan: they need no more than a host (who is then speaker / preparer). */
    static final Set<SessionForm> WEEKLY = EnumSet.of(SessionForm.THEMED_RESEARCH, SessionForm.COLLECTIVE_PREPARATION,
            SessionForm.SALON);

    private SessionFormRules() {
    }

    static void check(SessionRequests.Create r) {
        List<FieldProblem> problems = new ArrayList<>();
        SessionForm form = r.form();
        Set<Field> used = USED.get(form);
        notForForm(problems, form, used, Field.SPEAKER_ID, "speakerId", r.speakerId());
        notForForm(problems, form, used, Field.SPEAKER_NAME, "speakerName", r.speakerName());
        notForForm(problems, form, used, Field.MAIN_PREPARER, "mainPreparerId", r.mainPreparerId());
        notForForm(problems, form, used, Field.TEACHING, "teachingTeacherIds", r.teachingTeacherIds());
        notForForm(problems, form, used, Field.LESSON_KIND, "lessonKind", r.lessonKind());
        notForForm(problems, form, used, Field.LESSON_CONTENT, "lessonContent", r.lessonContent());
        notForForm(problems, form, used, Field.BOOK, "book", r.book());
        switch (form) {
            case THEMED_RESEARCH -> required(problems, form, "speakerId", r.speakerId(), "the central speaker (中心发言人)",
                    "中心发言人");
            case COLLECTIVE_PREPARATION -> {
                required(problems, form, "mainPreparerId", r.mainPreparerId(), "the main preparer (主备人)", "主备人");
                required(problems, form, "lessonContent", r.lessonContent(), "the lesson prepared", "所备课题");
            }
            case SAME_LESSON_DIFFERENT_DESIGNS -> {
                teaching(problems, form, r.teachingTeacherIds(), 2, Integer.MAX_VALUE);
                required(problems, form, "lessonContent", r.lessonContent(), "the lesson all of them teach",
                        "同一课题");
            }
            case OPEN_LESSON -> {
                required(problems, form, "lessonKind", r.lessonKind(),
                        "the kind of lesson (OPEN, DEMONSTRATION, OBSERVATION, REPORT)", "课型（公开课、示范课、观摩课、汇报课）");
                teaching(problems, form, r.teachingTeacherIds(), 1, 1);
                required(problems, form, "lessonContent", r.lessonContent(), "the lesson taught", "授课课题");
            }
            case LECTURE -> {
                if ((r.speakerId() == null) == (r.speakerName() == null)) {
                    problems.add(new FieldProblem(r.speakerId() == null ? "speakerId" : "speakerName",
                            "one-speaker",
                            "A lecture has exactly one speaker: either speakerId (a teacher) or speakerName (an outside "
                                    + "expert).",
                            "专题讲座须有且只有一位主讲人：speakerId（本县教师）或 speakerName（外请专家）二选一。"));
                }
            }
            case READING_CLUB -> required(problems, form, "book", r.book(), "the book discussed", "交流的书目");
            case SALON -> {
            }
        }
        HostUnit unit = r.unit();
        if (unit == HostUnit.GROUP && (r.subjectGroupId() == null || r.subjectGroupId().isBlank())) {
            problems.add(new FieldProblem("subjectGroupId", "required-for-host-unit",
                    "A session hosted by a subject group names the group (subjectGroupId).",
                    "教研组主办的活动须填写教研组（subjectGroupId）。"));
        }
        ActivityLevel atLeast = unit == HostUnit.TOWNSHIP ? ActivityLevel.TOWNSHIP
                : unit == HostUnit.COUNTY ? ActivityLevel.COUNTY : ActivityLevel.SCHOOL;
        if (r.level().ordinal() < atLeast.ordinal()) {
            problems.add(new FieldProblem("level", "level-below-host-unit",
                    "A session hosted by the " + unit.name().toLowerCase() + " is at least " + atLeast + " level, not "
                            + r.level() + ".",
                    "由" + unitZh(unit) + "主办的活动级别至少为 " + atLeast + "，而不是 " + r.level() + "。"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    static String unitZh(HostUnit unit) {
        return switch (unit) {
            case SCHOOL -> "学校";
            case GROUP -> "教研组";
            case TOWNSHIP -> "镇教育组";
            case COUNTY -> "县教育局/教研室";
        };
    }

    private static void notForForm(List<FieldProblem> problems, SessionForm form, Set<Field> used, Field field,
                                   String name, Object value) {
        if (value != null && !used.contains(field)) {
            problems.add(new FieldProblem(name, "not-for-form",
                    name + " does not apply to a " + form + " session.",
                    name + " 不适用于" + formZh(form) + "活动。"));
        }
    }

    private static void required(List<FieldProblem> problems, SessionForm form, String name, Object value,
                                 String what, String whatZh) {
        if (value == null) {
            problems.add(new FieldProblem(name, "required-for-form",
                    "A " + form + " session needs " + what + " (" + name + ").",
                    formZh(form) + "活动须填写" + whatZh + "（" + name + "）。"));
        }
    }

    private static void teaching(List<FieldProblem> problems, SessionForm form, List<String> ids, int min, int max) {
        if (ids == null || ids.isEmpty()) {
            problems.add(new FieldProblem("teachingTeacherIds", "required-for-form",
                    "A " + form + " session names the teacher(s) who teach the lesson (teachingTeacherIds).",
                    formZh(form) + "活动须填写授课教师（teachingTeacherIds）。"));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!seen.add(ids.get(i))) {
                problems.add(new FieldProblem("teachingTeacherIds[" + i + "]", "duplicate-teacher",
                        "Teacher " + ids.get(i) + " is listed twice.", "教师 " + ids.get(i) + " 重复出现。"));
            }
        }
        if (seen.size() < min || seen.size() > max) {
            String count = min == max ? "exactly " + min : "at least " + min;
            String countZh = min == max ? "恰好 " + min : "至少 " + min;
            problems.add(new FieldProblem("teachingTeacherIds", min == max ? "one-teaching-teacher" : "too-few-teachers",
                    "A " + form + " session has " + count + " different teaching teacher(s), not " + seen.size() + ".",
                    formZh(form) + "活动须有" + countZh + " 位不同的授课教师，而不是 " + seen.size() + " 位。"));
        }
    }

    static String formZh(SessionForm form) {
        return switch (form) {
            case THEMED_RESEARCH -> "主题教研";
            case COLLECTIVE_PREPARATION -> "集体备课";
            case LECTURE -> "专题讲座";
            case SALON -> "专题沙龙";
            case SAME_LESSON_DIFFERENT_DESIGNS -> "同课异构";
            case OPEN_LESSON -> "公开课";
            case READING_CLUB -> "读书交流会";
        };
    }
}

package cn.xiaoben.activity.session;

import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The form-specific part of a session (who speaks, prepares or teaches; the lesson or the book), as stored in the
 * session document and published with ActivityScheduled / ActivityHeld. Fields a form does not use are null.
 */
record SessionDetails(HostUnit hostUnit, String speakerId, String speakerName, String mainPreparerId,
                      List<String> teachingTeacherIds, LessonKind lessonKind,
                      SessionRequests.LessonContent lessonContent, SessionRequests.Book book) {

    static final String SPEAKER = "SPEAKER", TEACHING = "TEACHING", MAIN_PREPARER = "MAIN_PREPARER";

    /** From a validated request ({@link SessionFormRules#check} passed). */
    static SessionDetails of(SessionRequests.Create r) {
        List<String> teaching = r.teachingTeacherIds() == null ? null
                : List.copyOf(new LinkedHashSet<>(r.teachingTeacherIds()));
        return new SessionDetails(r.unit(), r.speakerId(), r.speakerName(), r.mainPreparerId(), teaching,
                r.lessonKind(), r.lessonContent(), r.book());
    }

    /**
     * A session planned from a school's weekly slot: the slot's host is the central speaker of a themed session and
     * the main preparer of a collective preparation; the lesson of a collective preparation is left open (the group
     * decides it week by week, the lesson plan revisions carry it).
     */
    static SessionDetails weekly(SessionForm form, String hostId) {
        return new SessionDetails(HostUnit.GROUP, form == SessionForm.THEMED_RESEARCH ? hostId : null, null,
                form == SessionForm.COLLECTIVE_PREPARATION ? hostId : null, null, null, null, null);
    }

    static SessionDetails of(Document d) {
        Document lesson = d.get("lessonContent", Document.class);
        Document book = d.get("book", Document.class);
        String unit = d.getString("hostUnit");
        String kind = d.getString("lessonKind");
        List<String> teaching = d.getList("teachingTeacherIds", String.class);
        return new SessionDetails(unit == null ? HostUnit.SCHOOL : HostUnit.valueOf(unit), d.getString("speakerId"),
                d.getString("speakerName"), d.getString("mainPreparerId"), teaching,
                kind == null ? null : LessonKind.valueOf(kind),
                lesson == null ? null : new SessionRequests.LessonContent(lesson.getString("subject"),
                        lesson.getString("grade"), lesson.getString("title")),
                book == null ? null : new SessionRequests.Book(book.getString("title"), book.getString("author"),
                        book.getString("chapters")));
    }

    Document appendTo(Document doc) {
        return doc.append("hostUnit", hostUnit.name()).append("speakerId", speakerId).append("speakerName", speakerName)
                .append("mainPreparerId", mainPreparerId).append("teachingTeacherIds", teachingTeacherIds)
                .append("lessonKind", lessonKind == null ? null : lessonKind.name())
                .append("lessonContent", lessonContent == null ? null : new Document("subject", lessonContent.subject())
                        .append("grade", lessonContent.grade()).append("title", lessonContent.title()))
                .append("book", book == null ? null : new Document("title", book.title())
                        .append("author", book.author()).append("chapters", book.chapters()));
    }

    /** The teachers the form names (speaker, main preparer, teaching teachers), in that order, with their field. */
    List<String[]> namedTeachers() {
        List<String[]> named = new ArrayList<>();
        if (speakerId != null) {
            named.add(new String[]{speakerId, "speakerId"});
        }
        if (mainPreparerId != null) {
            named.add(new String[]{mainPreparerId, "mainPreparerId"});
        }
        if (teachingTeacherIds != null) {
            for (int i = 0; i < teachingTeacherIds.size(); i++) {
                named.add(new String[]{teachingTeacherIds.get(i), "teachingTeacherIds[" + i + "]"});
            }
        }
        return named;
    }

    /** What the teacher did beyond attending: SPEAKER, TEACHING, MAIN_PREPARER, or null. */
    String contribution(String teacherId) {
        if (teacherId.equals(speakerId)) {
            return SPEAKER;
        }
        if (teachingTeacherIds != null && teachingTeacherIds.contains(teacherId)) {
            return TEACHING;
        }
        if (teacherId.equals(mainPreparerId)) {
            return MAIN_PREPARER;
        }
        return null;
    }

    String lessonKindName() {
        return lessonKind == null ? null : lessonKind.name();
    }
}

package cn.xiaoben.activity.submission;

/** What reading notes are about: a professional book (专业书籍) or a professional article (专业文章). */
public enum ReadingKind {
    book, article
}

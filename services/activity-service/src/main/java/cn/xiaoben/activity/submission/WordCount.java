package cn.xiaoben.activity.submission;

/**
 * The word count (字数) as Chinese editors count it: every Han, kana or Hangul character is one, every run of other
 * letters or digits (an English word, a number) is one; punctuation and spaces are not counted.
 */
public final class WordCount {

    private WordCount() {
    }

    public static int of(String text) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (isCjk(c)) {
                count++;
                inWord = false;
            } else if (Character.isLetterOrDigit(c)) {
                if (!inWord) {
                    count++;
                }
                inWord = true;
            } else {
                inWord = false;
            }
        }
        return count;
    }

    private static boolean isCjk(int c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }
}

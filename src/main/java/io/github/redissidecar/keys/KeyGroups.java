package io.github.redissidecar.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Names the group a key belongs to, for a label: never the key itself. The configured rules are tried in order;
 * a rule's label is its first capturing group when it has one (the operator chose what to show), else the rule
 * text. Without a matching rule, the key's leading tokens (split on {@code : / . - _}) are kept up to the first
 * token that looks like an identifier (UUID, long hex, a number of 3+ digits, e-mail-like, random-looking), which becomes
 * {@code *}: {@code celery-task-meta-<uuid>} is {@code celery-task-meta-*}, {@code vimbiso:1:abc} is
 * {@code vimbiso:1:*}. A key without an identifier still loses its last token, so a label is never a whole key,
 * but for Celery's fixed names ({@code celery}, {@code unacked}, ...), which are structure, and Django's cached
 * sessions keep their {@code django.contrib.sessions.} prefix, so the doctor can tell them from other cache keys.
 */
public final class KeyGroups {

    /** Celery's fixed key names (the default queue's list, kombu's unacked set): known structure, kept whole. */
    static final Set<String> CELERY_NAMES = Set.of("celery", "unacked", "unacked_index", "unacked_mutex");
    // Django's cache session backend: KEY_PREFIX:VERSION:django.contrib.sessions.cache<session key>. The default
    // four tokens would stop at "django.contrib", which other contrib apps share.
    private static final Pattern DJANGO_SESSION = Pattern.compile("^([^:]*:\\d{1,2}:django\\.contrib\\.sessions\\.)"
            + "cache");

    /** At most this many tokens are kept: deeper names are as likely to be data as structure. */
    static final int MAX_TOKENS = 4;
    // One or two digits are structure (a Django cache version, a shard), longer numbers are ids.
    private static final Pattern NUMBER = Pattern.compile("\\d{3,}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{8,}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");
    // An e-mail address holds '.', '-' and '_': recognised from its first token on, up to the next ':' or '/'.
    private static final Pattern EMAIL = Pattern.compile("[^:/@]+@");
    private static final Pattern DIGITS_AND_LETTERS = Pattern.compile("(?=.*\\d)(?=.*[A-Za-z])[A-Za-z0-9]{6,}");

    private final List<Pattern> rules;

    private KeyGroups(List<Pattern> rules) {
        this.rules = rules;
    }

    /** The default grouping only. */
    public static KeyGroups byPrefix() {
        return new KeyGroups(List.of());
    }

    /**
     * Rules, one regular expression per line (blank lines ignored), before the default grouping.
     *
     * @throws IllegalArgumentException naming the line that is not a valid regular expression
     */
    public static KeyGroups withRules(String lines) {
        List<Pattern> rules = new ArrayList<>();
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                rules.add(Pattern.compile(line.strip()));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("'" + line.strip() + "' is not a regular expression ("
                        + e.getDescription() + ")");
            }
        }
        return new KeyGroups(List.copyOf(rules));
    }

    public String groupOf(String key) {
        for (Pattern rule : rules) {
            Matcher m = rule.matcher(key);
            if (m.find()) {
                return m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : rule.pattern();
            }
        }
        if (CELERY_NAMES.contains(key)) {
            return key;
        }
        Matcher session = DJANGO_SESSION.matcher(key);
        return session.lookingAt() ? session.group(1) + "*" : byTokens(key);
    }

    // UUIDs hold '-', a delimiter: they (and e-mail addresses) are recognised in the remaining text before tokenising further.
    private static String byTokens(String key) {
        StringBuilder label = new StringBuilder();
        int start = 0;
        for (int tokens = 0; tokens < MAX_TOKENS; tokens++) {
            int end = tokenEnd(key, start);
            if (end >= key.length() || identifier(key, start, end)) {
                break; // The last token, or an identifier: both become '*'.
            }
            label.append(key, start, end + 1);
            start = end + 1;
        }
        return label.append('*').toString();
    }

    private static int tokenEnd(String key, int start) {
        for (int i = start; i < key.length(); i++) {
            if (delimiter(key.charAt(i))) {
                return i;
            }
        }
        return key.length();
    }

    private static boolean delimiter(char c) {
        return c == ':' || c == '/' || c == '.' || c == '-' || c == '_';
    }

    private static boolean identifier(String key, int start, int end) {
        String token = key.substring(start, end);
        String rest = key.substring(start);
        return !token.isEmpty() && (UUID.matcher(rest).lookingAt() || NUMBER.matcher(token).matches()
                || HEX.matcher(token).matches() && token.chars().anyMatch(Character::isDigit)
                || EMAIL.matcher(rest).lookingAt() || DIGITS_AND_LETTERS.matcher(token).matches() || token.length() > 24
                || token.chars().anyMatch(c -> c < 0x20 || c > 0x7e));
    }
}

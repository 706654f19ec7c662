package nl.waarborg.policy;

/** A place in a policy file: 1-based line and column. */
public record Position(String file, int line, int column) {

    public static Position start(String file) {
        return new Position(file, 1, 1);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

package flows.sql.http_param.constructor_getter;

public class Holder {
    private final String value;

    public Holder(String value) {
        this.value = value;
    }

    public String get() {
        return value;
    }
}

package flows.sql.http_cookie.container_other_file;

public class Container {
    public String value;
}

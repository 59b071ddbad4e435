package flows.sql.http_header.container_other_file;

public class Container {
    public String value;
}

package flows.sql.http_query.container_other_file;

public class Container {
    public String value;
}

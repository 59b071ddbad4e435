package flows.sql.url_connection.container_other_file;

public class Container {
    public String value;
}

package flows.sql.console.container_other_file;

public class Container {
    public String value;
}

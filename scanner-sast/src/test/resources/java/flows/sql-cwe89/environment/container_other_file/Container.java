package flows.sql.environment.container_other_file;

public class Container {
    public String value;
}

package flows.sql.database.container_other_file;

public class Container {
    public String value;
}

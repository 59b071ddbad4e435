package flows.sql.socket.container_other_file;

public class Container {
    public String value;
}

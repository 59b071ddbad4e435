package flows.sql.server_socket.container_other_file;

public class Container {
    public String value;
}

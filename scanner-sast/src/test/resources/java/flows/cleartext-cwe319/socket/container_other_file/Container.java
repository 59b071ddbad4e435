package flows.cleartext.socket.container_other_file;

public class Container {
    public String value;
}

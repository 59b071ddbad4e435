package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe89Safe04")
public class Cwe89Safe04 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String param = "";
        java.util.Map<String, String[]> map = request.getParameterMap();
        if (map != null) {
            String[] values = map.get("p");
            if (values != null) param = values[0];
        }
        int num = 106;
        String bar = (7 * 18) + num > 200 ? "This_should_always_happen" : param;
        String sql = "SELECT * from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        try {
            java.sql.Statement statement = org.owasp.benchmark.helpers.DatabaseHelper.getSqlStatement();
            statement.execute(sql, java.sql.Statement.RETURN_GENERATED_KEYS);
        } catch (java.sql.SQLException e) {
            throw new ServletException(e);
        }
    }

}

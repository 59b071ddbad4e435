package org.owasp.benchmark.testcode;

import java.io.IOException;
import javax.servlet.ServletException;
import javax.servlet.annotation.WebServlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

@WebServlet(value = "/cases/Cwe89Vulnerable06")
public class Cwe89Vulnerable06 extends HttpServlet {

    @Override
    public void doPost(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        response.setContentType("text/html;charset=UTF-8");
        String queryString = request.getQueryString();
        String paramval = "p" + "=";
        int paramLoc = queryString.indexOf(paramval);
        String param = queryString.substring(paramLoc + paramval.length());
        String guess = "ABC";
        char switchTarget = guess.charAt(2);
        String bar;
        switch (switchTarget) {
            case 'A': bar = param; break;
            case 'B': bar = "bobs_your_uncle"; break;
            case 'C': case 'D': bar = param; break;
            default: bar = "bobs_your_uncle"; break;
        }
        String sql = "SELECT userid from USERS where USERNAME='foo' and PASSWORD='" + bar + "'";
        java.util.List<java.util.Map<String, Object>> list = org.owasp.benchmark.helpers.DatabaseHelper.JDBCtemplate.queryForList(sql);
        response.getWriter().println(list.size());
    }

}

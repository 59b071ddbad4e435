class UsersController < ApplicationController
  def show
    if params[:a]
      # ruleid: rb.xss-render-html
      render html: "<p>#{params[:name]}</p>"
    else
      # ok: rb.xss-render-html
      render html: "<p>hello</p>"
    end
  end
end

class UsersController < ApplicationController
  def show
    # ruleid: rb.template-injection-erb
    out = ERB.new(params[:template]).result
    # ok: rb.template-injection-erb
    same = ERB.new("<p><%= name %></p>").result
  end
end

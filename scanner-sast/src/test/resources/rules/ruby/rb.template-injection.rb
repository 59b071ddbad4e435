class UsersController < ApplicationController
  def show
    # ruleid: rb.template-injection
    render inline: params[:template]
    # ok: rb.template-injection
    render inline: "<p><%= @name %></p>"
  end
end

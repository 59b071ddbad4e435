class UsersController < ApplicationController
  def show
    # ruleid: rb.path-traversal
    data = File.read(Rails.root.join("files", params[:name]))
    # ok: rb.path-traversal
    same = File.read(Rails.root.join("files", File.basename(params[:name])))
  end
end
